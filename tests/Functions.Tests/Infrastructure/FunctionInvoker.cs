using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Functions.Tests.Infrastructure;

/// <summary>
/// Calls a function method the way the worker does: a fresh instance of its class from the request's
/// services, the HttpRequest for the trigger parameter, route values for the others by name.
/// </summary>
public static class FunctionInvoker
{
    public static async Task InvokeAsync(FunctionRoute function, HttpContext context)
    {
        var instance = ActivatorUtilities.CreateInstance(context.RequestServices, function.Type);
        var arguments = function.Method.GetParameters()
            .Select(p => p.GetCustomAttributes(typeof(HttpTriggerAttribute), false).Length > 0
                ? (object?)context.Request
                : p.ParameterType == typeof(DurableTaskClient)
                    // The worker binds the app's Durable client; a test stands one in through the services.
                    ? context.RequestServices.GetService<DurableTaskClient>()
                    : context.Request.RouteValues.TryGetValue(p.Name!, out var value) ? value?.ToString() : null)
            .ToArray();
        await (Task)function.Method.Invoke(instance, arguments)!;
    }
}
