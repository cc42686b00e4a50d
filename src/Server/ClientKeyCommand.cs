using Serverless.Gateway.Callers;

namespace Serverless.Server;

/// <summary>
/// client-key &lt;id&gt; [--numbers ids|*] [--chilipiper full|read|none] [--toolsets ids] [--readonly]: creates a gateway
/// client key for managed mode, prints it once and the settings that register it.
/// </summary>
internal static class ClientKeyCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        string? id = null;
        var client = new ClientOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? Value() => i + 1 < args.Length ? args[++i] : null;
            switch (arg)
            {
                case "--numbers":
                    client.Numbers = Value();
                    break;
                case "--chilipiper":
                    client.ChiliPiper = Value();
                    break;
                case "--toolsets":
                    client.Toolsets = Value();
                    break;
                case "--readonly":
                    client.ReadOnly = true;
                    break;
                case not null when !arg.StartsWith("--", StringComparison.Ordinal) && id is null:
                    id = arg;
                    break;
                default:
                    error.WriteLine($"client-key: unexpected argument '{arg}'.");
                    error.WriteLine(CommandLine.ClientKeyUsage);
                    return 2;
            }
        }

        if (id is null)
        {
            error.WriteLine("client-key: name the client.");
            error.WriteLine(CommandLine.ClientKeyUsage);
            return 2;
        }

        if (client.Numbers is null && client.ChiliPiper is null)
        {
            error.WriteLine("client-key: grant something: --numbers and/or --chilipiper.");
            return 2;
        }

        var key = ClientKeys.NewKey();
        var (settings, problem) = ClientKeys.Settings(id, key, client);
        if (problem is not null)
        {
            error.WriteLine("client-key: " + problem);
            return 2;
        }

        output.Write(ClientKeys.Render(id, key, settings));
        return 0;
    }
}
