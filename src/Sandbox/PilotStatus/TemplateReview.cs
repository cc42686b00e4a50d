namespace Serverless.Sandbox.PilotStatus;

/// <summary>Templates' review over time: seeded templates become version 1 of themselves, and reviews complete on the clock.</summary>
internal static class TemplateReview
{
    public static void Seed(PilotStatusState state)
    {
        // Seeded templates become version 1 of themselves. They get no review deadline, so a seeded PENDING
        // template (spring_promo) stays pending and keeps showing what a send of an unapproved template does.
        foreach (var template in state.TemplateList.Where(t => t.VersionList.Count == 0))
        {
            template.VersionList.Add(new TemplateVersion
            {
                Number = 1,
                Content = new JsonObject { ["body"] = new JsonObject { ["text"] = template.Body } },
                BodyText = template.Body,
                Variables = template.Variables,
                Language = template.MetaLanguage,
                MetaStatus = template.MetaStatus,
                CreatedAt = template.CreatedAt,
                ReviewedAt = template.MetaStatus == MessageTemplate.Approved ? template.CreatedAt : null,
            });
        }

        state.Tickers.Add(now => ReviewTemplates(state, now));
    }

    private static void ReviewTemplates(PilotStatusState state, DateTimeOffset now)
    {
        foreach (var template in state.TemplateList)
        {
            template.Review(now);
        }
    }
}
