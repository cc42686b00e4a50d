using Serverless.Server;

var commandLine = CommandLine.Parse(args);
if (commandLine.Error is { } error)
{
    await Console.Error.WriteLineAsync($"serverless-mcp-gateway: {error}\n\n{CommandLine.Usage}");
    return 2;
}

if (commandLine.Version)
{
    Console.Out.WriteLine(Serverless.Gateway.McpServerOptionsFactory.Version);
    return 0;
}

if (commandLine.Help)
{
    Console.Out.WriteLine(CommandLine.Usage);
    return 0;
}

if (commandLine.Command == "client-key")
{
    return ClientKeyCommand.Run(commandLine.ConfigurationArgs, Console.Out, Console.Error);
}

try
{
    return commandLine.Command == "stdio"
        ? await StdioCommand.RunAsync(commandLine)
        : await ServeCommand.RunAsync(commandLine);
}
catch (Exception e) when (e is InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException or IOException)
{
    await Console.Error.WriteLineAsync($"serverless-mcp-gateway: {e.Message}");
    return 1;
}
