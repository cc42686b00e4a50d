using System.Text.Json;
using System.Text.Json.Serialization;

namespace Serverless.Gateway.OAuth.SignIn;

/// <summary>
/// What the sign-in pages seal into cookies: the signed-in user, a sign-in attempt in flight, and the sealed envelope.
/// Generated at build time (no reflection); general defaults, the format these cookies always had.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.General)]
[JsonSerializable(typeof(PageUser))]
[JsonSerializable(typeof(PageProtection.Sealed))]
[JsonSerializable(typeof(OidcSignIn.Flow))]
internal sealed partial class SignInJson : JsonSerializerContext;
