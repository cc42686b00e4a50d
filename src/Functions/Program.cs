using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Serverless.Functions.Booking;
using Serverless.Gateway;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddFunctionsBookingStore(builder.Configuration);
builder.Services.AddMcpGateway(builder.Configuration);
builder.Build().Run();
