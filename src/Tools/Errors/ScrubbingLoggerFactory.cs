using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Serverless.Tools.Errors;

/// <summary>
/// Wraps the host's logger factory so every log line, whichever provider writes it (console, Azure Monitor,
/// a test's capture), passes through the <see cref="CredentialScrubber"/>. Lines without a credential pass
/// unchanged; a line with one is re-emitted with its formatted text scrubbed and its exception flattened.
/// </summary>
internal sealed class ScrubbingLoggerFactory(ILoggerFactory inner, CredentialScrubber scrubber, bool ownsInner = false) : ILoggerFactory
{
    /// <summary>
    /// Decorates the registered <see cref="ILoggerFactory"/>, however the host registered it (by type, by
    /// factory or as an instance), so no host can end up logging unscrubbed.
    /// </summary>
    public static void Register(IServiceCollection services)
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory) && !d.IsKeyedService);
        if (original is null || original.ImplementationType == typeof(ScrubbingLoggerFactory))
        {
            return;
        }

        services.Remove(original);
        Func<IServiceProvider, object> create;
        if (original.ImplementationType is { } implementation)
        {
            // The original stays registered by its type, so its container disposes it.
            services.Add(new ServiceDescriptor(implementation, implementation, original.Lifetime));
            create = sp => new ScrubbingLoggerFactory((ILoggerFactory)sp.GetRequiredService(implementation), sp.GetRequiredService<CredentialScrubber>());
        }
        else if (original.ImplementationFactory is { } factory)
        {
            create = sp => new ScrubbingLoggerFactory((ILoggerFactory)factory(sp), sp.GetRequiredService<CredentialScrubber>(), ownsInner: true);
        }
        else
        {
            var instance = (ILoggerFactory)original.ImplementationInstance!;
            create = sp => new ScrubbingLoggerFactory(instance, sp.GetRequiredService<CredentialScrubber>());
        }

        services.Add(new ServiceDescriptor(typeof(ILoggerFactory), create, original.Lifetime));
    }

    public ILogger CreateLogger(string categoryName) => new Logger(inner.CreateLogger(categoryName), scrubber);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    // A factory registered by type or as an instance is disposed by whoever registered it.
    public void Dispose()
    {
        if (ownsInner)
        {
            inner.Dispose();
        }
    }

    private sealed class Logger(ILogger inner, CredentialScrubber scrubber) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            var exceptionText = exception?.ToString();
            var values = state as IEnumerable<KeyValuePair<string, object?>>;
            var stateText = values is null ? null : string.Join('\n', values.Select(v => Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture)));
            if (!scrubber.Finds(message) && !scrubber.Finds(exceptionText) && !scrubber.Finds(stateText))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }

            var scrubbed = scrubber.Scrub(message) + (exceptionText is null ? "" : Environment.NewLine + scrubber.Scrub(exceptionText));
            IReadOnlyList<KeyValuePair<string, object?>> scrubbedState = [new("{OriginalFormat}", scrubbed)];
            inner.Log(logLevel, eventId, scrubbedState, null, (s, _) => (string)s[0].Value!);
        }
    }
}
