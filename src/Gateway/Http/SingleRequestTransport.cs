using System.Threading.Channels;
using ModelContextProtocol.Protocol;

namespace Serverless.Gateway.Http;

/// <summary>
/// The transport of one stateless POST: hands the SDK server the one message the client sent and keeps the
/// answer to it, which the endpoint writes as a single <c>application/json</c> body (MCP lets a server answer a
/// request that way instead of opening an event stream). One write, with a length, instead of an event stream's
/// header flush, event and terminator: the cheapest answer HTTP has.
/// </summary>
/// <remarks>
/// A stateless server cannot send requests of its own (the answer could reach another instance), so sending one
/// fails as in the SDK's stateless HTTP transport. Notifications a handler sends while it runs have nowhere to
/// go in a single JSON body and are dropped; the gateway's tools send none.
/// </remarks>
internal sealed class SingleRequestTransport : ITransport
{
    private readonly Channel<JsonRpcMessage> _incoming = Channel.CreateUnbounded<JsonRpcMessage>(new UnboundedChannelOptions { SingleReader = true });

    // The request's own continuation (writing the answer) runs on the thread that sends the answer: one thread
    // hop less per request. It only writes the body and completes the channel before awaiting the server.
    private readonly TaskCompletionSource<JsonRpcMessage> _answer = new();
    private readonly RequestId _requestId;

    public SingleRequestTransport(JsonRpcMessage message)
    {
        _requestId = message is JsonRpcRequest request ? request.Id : default;
        _incoming.Writer.TryWrite(message);
    }

    public string? SessionId => null;

    public ChannelReader<JsonRpcMessage> MessageReader => _incoming.Reader;

    /// <summary>The response or error answering the request; never completes for a notification.</summary>
    public Task<JsonRpcMessage> Answer => _answer.Task;

    public Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default)
    {
        if (message is JsonRpcRequest)
        {
            throw new InvalidOperationException("Server to client requests are not supported in stateless mode.");
        }

        if (message is JsonRpcMessageWithId { } answer and (JsonRpcResponse or JsonRpcError) && answer.Id == _requestId)
        {
            _answer.TrySetResult(message);
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _incoming.Writer.TryComplete();
        _answer.TrySetCanceled();
        return default;
    }
}
