namespace Serverless.Server;

/// <summary>The command and switches; every other argument is left for .NET configuration (--Key=value).</summary>
internal sealed record CommandLine(string Command, bool Sandbox, bool Help, string[] ConfigurationArgs, bool Version = false, string? Error = null)
{
    public const string Usage = """
        Usage: serverless-mcp-gateway [serve|stdio] [--sandbox] [--urls URL] [--Section:Key=value ...]
               serverless-mcp-gateway --version | --help
               serverless-mcp-gateway client-key <id> [--numbers ids|*] [--chilipiper full|read|none] [--toolsets ids] [--readonly]

          serve       Serve MCP over HTTP (default), at http://127.0.0.1:7071/mcp unless --urls says otherwise.
          stdio       Serve MCP over standard input/output for desktop clients; credentials from the environment.
          --sandbox   Use the built-in offline twin of both APIs instead of the real ones.
          --version   Print the version and exit.
          client-key  Create a gateway client key for managed credentials (Credentials__Mode=Managed): prints
                      the key once and the Clients__<id>__* settings to add, in environment and Azure CLI form.

        Configuration (environment variables use __ in place of :):
          PilotStatus__ApiKey, ChiliPiper__ApiKey      server-wide upstream credentials (single-user mode)
          PilotStatus__BaseUrl, ChiliPiper__BaseUrl    upstream locations
          PilotStatus__ApiKeyId, __WhatsAppNumberId    stdio: the key id and number a request's headers would name
          Credentials__Mode                            PassThrough (default) or Managed (keys held by the gateway)
          KeyVault__Uri, Secrets__<name>               where managed keys are read from
          Clients__<id>__KeySha256, __Numbers, ...     managed clients and their grants (client-key prints them)
          Credentials__ClientKey                       stdio in managed mode: the client key to act as
          Sandbox__Enabled                             true forces the sandbox, false forbids it
          Gateway__AllowedHosts__0, Gateway__MaxRequestBodyBytes, ...  (see README)
        """;

    /// <summary>
    /// The arguments a host is built from. Configuration files are read once at start: watching them for changes
    /// watches the whole working directory, every folder below it included, which made a start from a large
    /// directory (a clone with its build output and node_modules) take hundreds of milliseconds and one inotify
    /// watch per folder. A later <c>--hostBuilder:reloadConfigOnChange=true</c> still turns watching on.
    /// </summary>
    public string[] HostArgs => ["--hostBuilder:reloadConfigOnChange=false", .. ConfigurationArgs];

    public const string ClientKeyUsage =
        "Usage: serverless-mcp-gateway client-key <id> [--numbers ids|*] [--chilipiper full|read|none] [--toolsets ids] [--readonly]";

    public static CommandLine Parse(string[] args)
    {
        var command = "serve";
        var sandbox = false;
        var help = false;
        var version = false;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "client-key" when i == 0:
                    // Everything after it belongs to the command, including its own --switches.
                    return new CommandLine(arg, false, false, args[1..]);
                case "serve" or "stdio" when i == 0:
                    command = arg;
                    break;
                case "--sandbox":
                    sandbox = true;
                    break;
                case "-h" or "--help" or "help":
                    help = true;
                    break;
                case "--version":
                    version = true;
                    break;
                default:
                    if (!IsSetting(arg))
                    {
                        return new CommandLine(command, sandbox, help, [], version, $"unknown argument '{arg}'");
                    }

                    rest.Add(arg);
                    // "--Key value": the value belongs to the setting.
                    if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length && !args[i + 1].StartsWith('-'))
                    {
                        rest.Add(args[++i]);
                    }

                    break;
            }
        }

        return new CommandLine(command, sandbox, help, [.. rest], version);
    }

    private static readonly string[] HostSettings = ["urls", "environment", "contentRoot", "applicationName"];

    /// <summary>A configuration argument: a host setting, or a Section:Key (or Section__Key) setting.</summary>
    private static bool IsSetting(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
        {
            return false;
        }

        var key = arg[2..].Split('=', 2)[0];
        return HostSettings.Contains(key, StringComparer.OrdinalIgnoreCase)
            || key.Contains(':', StringComparison.Ordinal)
            || key.Contains("__", StringComparison.Ordinal);
    }
}
