using Microsoft.ML.Tokenizers;

namespace Serverless.Gateway.Tests.Catalog;

/// <summary>The o200k tokenizer (GPT-4o family): what a catalog costs a model that loads it.</summary>
public static class O200k
{
    private static readonly Lazy<Tokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    public static int Count(string text) => Tokenizer.Value.CountTokens(text);
}
