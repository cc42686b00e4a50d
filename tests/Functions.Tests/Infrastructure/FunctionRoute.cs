using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Serverless.Functions;

namespace Serverless.Functions.Tests.Infrastructure;

/// <summary>One HTTP-triggered function as the Functions host sees it: name, class, method, route and methods.</summary>
public sealed record FunctionRoute(string Name, Type Type, MethodInfo Method, string Route, string[] Methods)
{
    /// <summary>Every HTTP-triggered function of the function app, read from its attributes.</summary>
    public static IReadOnlyList<FunctionRoute> All { get; } = Discover();

    private static List<FunctionRoute> Discover()
    {
        var routes = new List<FunctionRoute>();
        foreach (var type in typeof(McpFunction).Assembly.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                var function = method.GetCustomAttribute<FunctionAttribute>();
                var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).SingleOrDefault(a => a is not null);
                if (function is null || trigger is null)
                {
                    continue;
                }

                routes.Add(new FunctionRoute(function.Name, type, method, trigger.Route ?? function.Name,
                    [.. (trigger.Methods ?? []).Select(m => m.ToUpperInvariant())]));
            }
        }

        return routes;
    }
}
