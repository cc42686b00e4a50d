using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Serverless.Gateway.OAuth.Stores;

/// <summary>A record OpenIddict revokes by its status: authorizations and tokens.</summary>
public interface IRevocableRecord
{
    string? Status { get; set; }
}

public static class RevocableRecords
{
    /// <summary>
    /// Marks every found record revoked that is not already, and says how many it marked. The matches are read in full
    /// first, so the updates do not change what is being enumerated.
    /// </summary>
    public static async ValueTask<long> RevokeAsync<T>(this RecordSet<T> set, IAsyncEnumerable<T> found, CancellationToken cancellationToken)
        where T : OAuthRecord, IRevocableRecord
    {
        var list = new List<T>();
        await foreach (var record in found)
        {
            list.Add(record);
        }

        long revoked = 0;
        foreach (var record in list.Where(r => r.Status != Statuses.Revoked))
        {
            record.Status = Statuses.Revoked;
            await set.UpdateAsync(record, cancellationToken);
            revoked++;
        }

        return revoked;
    }
}
