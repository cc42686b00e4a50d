using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Serverless.Functions;
using Serverless.Sandbox;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// Local runs only (local.settings.sample.json): Sandbox__Enabled=true starts the offline twin in the worker.
await using var sandbox = await SandboxSwitch.StartIfChosenAsync(builder.Configuration, fallback: false);
builder.Services.AddFunctionApp(builder.Configuration);
await builder.Build().RunAsync();
