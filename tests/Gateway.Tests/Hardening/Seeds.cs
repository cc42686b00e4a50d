using System.Globalization;

namespace Serverless.Gateway.Tests.Hardening;

/// <summary>The fixed seed of the fuzz suites; HARDENING_SEED replays another one.</summary>
public static class Seeds
{
    public const int Default = 20260728;

    public static int Current =>
        int.TryParse(Environment.GetEnvironmentVariable("HARDENING_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : Default;
}
