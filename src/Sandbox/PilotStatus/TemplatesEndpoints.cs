namespace Serverless.Sandbox.PilotStatus;

/// <summary>Message templates and their Meta approval.</summary>
internal static class TemplatesEndpoints
{
    private const string DefaultCategory = "UTILITY";
    private const string DefaultLanguage = "pt_BR";

    public static IEndpointRouteBuilder MapTemplatesEndpoints(this IEndpointRouteBuilder routes, PilotStatusState state)
    {
        routes.MapPilotStatusOperation(HttpMethods.Get, "/v1/templates", KeyRequirement.Number, state, List);
        routes.MapPilotStatusOperation(HttpMethods.Post, "/v1/templates", KeyRequirement.Number, state, Create);
        routes.MapPilotStatusOperation(HttpMethods.Get, "/v1/templates/{id}", KeyRequirement.Number, state, Get);
        routes.MapPilotStatusOperation(HttpMethods.Put, "/v1/templates/{id}", KeyRequirement.Number, state, Update);
        routes.MapPilotStatusOperation(HttpMethods.Delete, "/v1/templates/{id}", KeyRequirement.Number, state, Delete);
        return routes;
    }

    private static IResult List(PilotStatusCall call)
        => SandboxJson.Result(
            call.State.TemplateList.Where(t => t.NumberId == call.Number.Id).OrderBy(t => t.CreatedAt).Select(t => ToItem(t, call.Number)).ToArray());

    private static IResult Get(PilotStatusCall call)
        => Find(call, out var template) ?? SandboxJson.Result(ToItem(template!, call.Number));

    private static IResult Create(PilotStatusCall call, JsonBody body)
    {
        if (TemplateSubmission.Parse(body, isCreate: true, out var submission) is { } invalid)
        {
            return invalid;
        }

        var number = call.Number;
        if (call.State.FindTemplate(number.Id, submission!.Name!) is { } existing && string.Equals(existing.Name, submission.Name, StringComparison.OrdinalIgnoreCase))
        {
            return PilotStatusErrors.Error(StatusCodes.Status409Conflict, TemplateErrorCodes.AlreadyExists,
                $"A template named '{existing.Name}' already exists for this number.");
        }

        if (number.IsMeta && submission.MetaRejection() is { } rejection)
        {
            return PilotStatusErrors.BadRequest(TemplateErrorCodes.MetaSubmitFailed, rejection);
        }

        var now = call.Now;
        var template = new MessageTemplate
        {
            Id = SandboxIds.New("tpl"),
            NumberId = number.Id,
            Name = submission.Name!,
            Category = submission.Category ?? DefaultCategory,
            Body = submission.BodyText,
            Variables = submission.Variables,
            Source = number.IsMeta ? WhatsAppProviders.Meta : WhatsAppProviders.PilotStatus,
            MetaLanguage = submission.Language ?? DefaultLanguage,
            CreatedAt = now,
        };
        template.AddVersion(NewVersion(template, submission, number, now));
        call.State.TemplateList.Add(template);

        return SandboxJson.Result(Summary(template), statusCode: StatusCodes.Status201Created);
    }

    private static IResult Update(PilotStatusCall call, JsonBody body)
    {
        if (Find(call, out var template) is { } notFound)
        {
            return notFound;
        }

        if (TemplateSubmission.Parse(body, isCreate: false, out var submission) is { } invalid)
        {
            return invalid;
        }

        if (submission!.Category is { } category && category != template!.Category)
        {
            return PilotStatusErrors.Validation($"category cannot be changed after creation (this template is {template.Category}).");
        }

        if (call.Number.IsMeta && submission.MetaRejection() is { } rejection)
        {
            return PilotStatusErrors.BadRequest(TemplateErrorCodes.MetaSubmitFailed, rejection);
        }

        template!.AddVersion(NewVersion(template, submission, call.Number, call.Now));
        return SandboxJson.Result(Summary(template));
    }

    private static IResult Delete(PilotStatusCall call)
    {
        if (Find(call, out var template) is { } notFound)
        {
            return notFound;
        }

        call.State.TemplateList.Remove(template!);
        return SandboxJson.Result(new TemplateDeleted(true, template!.Id));
    }

    private static IResult? Find(PilotStatusCall call, out MessageTemplate? template)
    {
        var idOrName = call.Route("id") ?? string.Empty;
        template = call.State.FindTemplate(call.Number.Id, idOrName);
        return template is null
            ? PilotStatusErrors.NotFound(PilotStatusErrorCodes.TemplateNotFound, $"Template '{idOrName}' was not found for this number.")
            : null;
    }

    /// <summary>A Meta number submits every version for review; elsewhere a version is usable at once.</summary>
    private static TemplateVersion NewVersion(MessageTemplate template, TemplateSubmission submission, WhatsAppNumber number, DateTimeOffset now)
        => new()
        {
            Number = template.VersionList.Count + 1,
            Content = submission.Content,
            BodyText = submission.BodyText,
            Variables = submission.Variables,
            Examples = submission.Examples,
            Language = submission.Language ?? template.MetaLanguage,
            MetaStatus = number.IsMeta ? MessageTemplate.Pending : null,
            CreatedAt = now,
            ReviewDueAt = number.IsMeta ? now + MessageTemplate.ReviewDelay : null,
        };

    private static TemplateSummary Summary(MessageTemplate template) => new(template.Id, template.Name, template.Category, template.MetaStatus);

    internal static TemplateItem ToItem(MessageTemplate template, WhatsAppNumber number)
    {
        var content = template.CurrentVersion?.Content;
        return new TemplateItem(
            template.Id,
            template.Name,
            template.Category,
            template.Body,
            template.Variables,
            template.Source,
            template.MetaStatus,
            template.MetaLanguage,
            template.IsSendableOn(number),
            content?["header"]?.DeepClone().AsObject(),
            content?["footer"]?.DeepClone().AsObject(),
            content?["buttons"]?.DeepClone().AsArray(),
            Math.Max(template.VersionList.Count, 1),
            template.ApprovedVersion?.Number,
            template.CreatedAt,
            template.UpdatedAt);
    }
}
