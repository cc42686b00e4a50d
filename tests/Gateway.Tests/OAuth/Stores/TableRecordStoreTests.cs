using Azure.Data.Tables;
using Serverless.Gateway.OAuth.Stores;
using Serverless.Gateway.Tests.Infrastructure;

namespace Serverless.Gateway.Tests.OAuth.Stores;

/// <summary>The Table record store against Azurite, each test on a table of its own.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableRecordStoreTests(AzuriteFixture azurite) : RecordStoreContract
{
    protected override Task<IOAuthRecordStore> CreateAsync() =>
        Task.FromResult<IOAuthRecordStore>(new TableOAuthRecordStore(new TableClient(azurite.Azurite.ConnectionString, "oauth" + Guid.NewGuid().ToString("N")[..12])));
}
