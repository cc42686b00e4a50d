namespace Serverless.Server;

/// <summary>The command and switches; every other argument is left for .NET configuration (--Key=value).</summary>
internal sealed record CommandLine(string Command, bool Sandbox, bool Help, string[] ConfigurationArgs)
{
    public const string Usage = """
        Usage: serverless-mcp-gateway [serve|stdio] [--sandbox] [--urls URL] [--Section:Key=value ...]

          serve      Serve MCP over HTTP (default), at http://127.0.0.1:7071/mcp unless --urls says otherwise.
          stdio      Serve MCP over standard input/output for desktop clients; credentials from the environment.
          --sandbox  Use the built-in offline twin of both APIs instead of the real ones.

        Configuration (environment variables use __ in place of :):
          PilotStatus__ApiKey, ChiliPiper__ApiKey      server-wide upstream credentials (single-user mode)
          PilotStatus__BaseUrl, ChiliPiper__BaseUrl    upstream locations
          Sandbox__Enabled                             true forces the sandbox, false forbids it
          Gateway__AllowedHosts__0, Gateway__MaxRequestBodyBytes, ...  (see README)
        """;

    public static CommandLine Parse(string[] args)
    {
        var command = "serve";
        var sandbox = false;
        var help = false;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "serve" or "stdio" when i == 0:
                    command = arg;
                    break;
                case "--sandbox":
                    sandbox = true;
                    break;
                case "-h" or "--help" or "help":
                    help = true;
                    break;
                default:
                    rest.Add(arg);
                    break;
            }
        }

        return new CommandLine(command, sandbox, help, [.. rest]);
    }
}
