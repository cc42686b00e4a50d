namespace Serverless.Gateway.OAuth.Stores;

/// <summary>
/// The answer of the record-backed stores to OpenIddict's LINQ query methods (CountAsync, GetAsync and ListAsync with a
/// query). Those exist for applications that query the stores themselves; OpenIddict's server and validation never
/// call them (they use the named look-ups), and neither does the gateway. Answering them over in-memory records would
/// take Queryable.AsQueryable, whose EnumerableQuery rebinds the query to Enumerable's generic methods by reflection:
/// under Native AOT a query whose shape was not compiled ahead of time (a projection to a value type, say) fails at
/// run time, so the stores refuse all of them, the same way under AOT and under JIT.
/// </summary>
internal static class StoreQueries
{
    public static NotSupportedException Refused() =>
        new("The OAuth record stores answer OpenIddict's named look-ups only; LINQ queries over them are not supported.");
}
