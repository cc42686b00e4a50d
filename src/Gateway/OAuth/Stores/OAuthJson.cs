using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Serverless.Gateway.OAuth.Stores;

/// <summary>
/// What the authorization server writes to storage: its records, OpenIddict's extra properties, and the signing key
/// file. Generated at build time so nothing is read by reflection, under Native AOT or not. The settings are the
/// serializer's general defaults (PascalCase names as declared, nulls written), which is the format records were
/// always stored in, so records written before still read.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.General)]
[JsonSerializable(typeof(OAuthApplicationRecord))]
[JsonSerializable(typeof(OAuthAuthorizationRecord))]
[JsonSerializable(typeof(OAuthTokenRecord))]
[JsonSerializable(typeof(ImmutableDictionary<string, JsonElement>), TypeInfoPropertyName = "Properties")]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(SigningKeys.KeyFile))]
internal sealed partial class OAuthJson : JsonSerializerContext;
