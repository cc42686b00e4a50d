namespace Serverless.Sandbox.PilotStatus;

/// <summary>Downloads of media a Meta number received, inline as a base64 data URI.</summary>
internal static class MediaEndpoints
{
    public static IResult Get(PilotStatusCall call)
    {
        var mediaId = call.Route("mediaId") ?? string.Empty;
        var phoneNumberId = call.Query["phoneNumberId"].ToString().Trim();
        if (phoneNumberId.Length == 0)
        {
            return PilotStatusErrors.Validation("phoneNumberId is required: the Meta phone-number id of the number that received the media.");
        }

        var number = call.Number;
        if (!number.IsMeta || !call.State.Account.MetaPhoneNumberIds.TryGetValue(number.Id, out var own))
        {
            return PilotStatusErrors.Validation("This number has no Meta access token; media of QR-paired numbers are downloaded from media.url.");
        }

        if (!string.Equals(phoneNumberId, own, StringComparison.Ordinal))
        {
            return PilotStatusErrors.Validation("phoneNumberId does not belong to the number of this API key.");
        }

        if (!call.State.Account.MetaMedia.TryGetValue(mediaId, out var file) || file.NumberId != number.Id)
        {
            return PilotStatusErrors.NotFound(AccountErrorCodes.MediaNotFound, $"Media '{mediaId}' was not found for this number.");
        }

        return SandboxJson.Result(
            new MediaResponse($"data:{file.MimeType};base64,{Convert.ToBase64String(file.Content)}", file.MimeType, file.FileName, file.Id));
    }
}
