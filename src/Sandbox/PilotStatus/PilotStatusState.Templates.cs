using System.Text.Json.Nodes;

namespace Serverless.Sandbox.PilotStatus;

public sealed partial class PilotStatusState
{
    partial void SeedTemplates(DateTimeOffset now)
    {
        // Seeded templates become version 1 of themselves. They get no review deadline, so a seeded PENDING
        // template (spring_promo) stays pending and keeps showing what a send of an unapproved template does.
        foreach (var template in TemplateList.Where(t => t.VersionList.Count == 0))
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

        Tickers.Add(ReviewTemplates);
    }

    private void ReviewTemplates(DateTimeOffset now)
    {
        foreach (var template in TemplateList)
        {
            template.Review(now);
        }
    }
}
