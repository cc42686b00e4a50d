using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Serverless.Sandbox.Infrastructure;
using Serverless.Sandbox.PilotStatus;

namespace Serverless.Sandbox.Tests;

/// <summary>
/// The twin's JSON resolves only through its source-generated context, so a type the context lacks fails here
/// under JIT just as it would in a Native AOT build, instead of working through reflection until it ships.
/// </summary>
public sealed class SandboxJsonTests
{
    private sealed record NotRegistered(string Name);

    [Fact]
    public void The_options_resolve_through_source_generated_contexts_only()
    {
        var chain = SandboxJson.Options.TypeInfoResolverChain;

        Assert.NotEmpty(chain);
        Assert.All(chain, resolver =>
        {
            Assert.IsAssignableFrom<JsonSerializerContext>(resolver);
            Assert.IsNotType<DefaultJsonTypeInfoResolver>(resolver);
        });
    }

    [Fact]
    public void A_type_missing_from_the_context_cannot_be_written()
    {
        Assert.Throws<NotSupportedException>(() => SandboxJson.Options.GetTypeInfo(typeof(NotRegistered)));
        var anonymous = new { id = "x" };
        Assert.Throws<NotSupportedException>(() => SandboxJson.Options.GetTypeInfo(anonymous.GetType()));
    }

    [Fact]
    public void Error_details_of_a_type_missing_from_the_context_cannot_be_written()
    {
        var error = new PilotStatusError("Bad", "VALIDATION_ERROR", new NotRegistered("x"));

        Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize(error, SandboxJson.TypeInfo<PilotStatusError>()));
    }

    [Fact]
    public void Error_details_are_written_as_their_runtime_type_with_relaxed_escaping()
    {
        var error = new PilotStatusError("Missing template variables: name, \"order\" <+55>.", "MISSING_TEMPLATE_VARIABLES",
            new MissingVariablesDetails(["name", "order"]));

        var json = JsonSerializer.Serialize(error, SandboxJson.TypeInfo<PilotStatusError>());

        Assert.Equal(
            """{"error":"Missing template variables: name, \"order\" <+55>.","code":"MISSING_TEMPLATE_VARIABLES","details":{"missing":["name","order"]}}""",
            json);
    }

    [Fact]
    public void Absent_error_details_are_left_out_and_instants_are_written_in_utc_with_milliseconds()
    {
        Assert.Equal("""{"error":"Gone","code":"NOT_FOUND"}""",
            JsonSerializer.Serialize(new PilotStatusError("Gone", "NOT_FOUND"), SandboxJson.TypeInfo<PilotStatusError>()));

        var sent = new SendMessageResponse("m1", "c1", "QUEUED", new DateTimeOffset(2026, 3, 1, 9, 0, 0, 5, TimeSpan.FromHours(-3)), "Shop", "+5511988887777");
        Assert.Equal(
            """{"id":"m1","correlationId":"c1","status":"QUEUED","createdAt":"2026-03-01T12:00:00.005Z","origin":"Shop","sourceNumber":"+5511988887777"}""",
            JsonSerializer.Serialize(sent, SandboxJson.TypeInfo<SendMessageResponse>()));
    }

    /// <summary>
    /// Reads the twin's compiled code for every <c>SandboxJson.Result&lt;T&gt;</c> and <c>SandboxJson.TypeInfo&lt;T&gt;</c>
    /// instantiation, so an endpoint no test calls still cannot answer with an unregistered type.
    /// </summary>
    [Fact]
    public void Every_type_an_endpoint_writes_is_registered()
    {
        var written = WrittenTypes(typeof(SandboxJson).Assembly);

        // Dozens of endpoints answer through the helper; finding few means the scan, not the twin, is broken.
        Assert.True(written.Count > 40, $"Found only {written.Count} response types.");
        Assert.All(written, type => Assert.NotNull(SandboxJson.Options.GetTypeInfo(type)));
    }

    private static HashSet<Type> WrittenTypes(Assembly assembly)
    {
        const BindingFlags everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        const byte Call = 0x28;
        const byte CallVirt = 0x6F;
        const int MethodSpecTable = 0x2B;

        var types = new HashSet<Type>();
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(everything).Cast<MethodBase>().Concat(type.GetConstructors(everything)))
            {
                var il = method.GetMethodBody()?.GetILAsByteArray();
                if (il is null)
                {
                    continue;
                }

                for (var i = 0; i + 4 < il.Length; i++)
                {
                    var token = BitConverter.ToInt32(il, i + 1);
                    if ((il[i] != Call && il[i] != CallVirt) || token >> 24 != MethodSpecTable)
                    {
                        continue;
                    }

                    MethodBase? target;
                    try
                    {
                        target = method.Module.ResolveMethod(token,
                            type.IsGenericType ? type.GetGenericArguments() : null,
                            method.IsGenericMethod ? method.GetGenericArguments() : null);
                    }
                    catch (ArgumentException)
                    {
                        // Bytes inside another instruction's operand that merely look like a call.
                        continue;
                    }

                    if (target is MethodInfo { DeclaringType: { } declaring } called && declaring == typeof(SandboxJson)
                        && called.Name is nameof(SandboxJson.Result) or nameof(SandboxJson.TypeInfo))
                    {
                        var argument = called.GetGenericArguments()[0];
                        if (!argument.IsGenericParameter)
                        {
                            types.Add(argument);
                        }
                    }
                }
            }
        }

        return types;
    }
}
