using System.Text.Json.Nodes;

namespace Serverless.Infra.Tests;

/// <summary>Every Bicep file under infra/ builds and lints with no error, warning or linter diagnostic.</summary>
public sealed class BicepCompileTests
{
    // One CLI run each for all files: the CLI starts slowly, and a glob cannot forget a new file.
    private const string AllBicepFiles = "**/*.bicep";

    private static IReadOnlyList<string> BicepFiles() =>
        Directory.EnumerateFiles(Repository.Infra, "*.bicep", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repository.Infra, f))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void Every_file_builds_to_an_arm_template_without_diagnostics()
    {
        var outDir = Directory.CreateTempSubdirectory("infra-tests-");
        try
        {
            var result = BicepCli.RunIn(Repository.Infra, "build", "--pattern", AllBicepFiles, "--outdir", outDir.FullName);

            Assert.True(result.Problem is null, $"bicep build: {result.Problem}");
            Assert.All(BicepFiles(), file =>
            {
                var compiled = Path.Combine(outDir.FullName, Path.ChangeExtension(file, ".json"));
                Assert.True(File.Exists(compiled), $"{file} was not built");
                Assert.NotNull(JsonNode.Parse(File.ReadAllText(compiled))?["resources"]);
            });
        }
        finally
        {
            outDir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Every_file_lints_without_diagnostics()
    {
        var result = BicepCli.RunIn(Repository.Infra, "lint", "--pattern", AllBicepFiles);

        Assert.True(result.Problem is null, $"bicep lint: {result.Problem}");
    }

    [Fact]
    public void The_infra_folder_holds_the_entry_point_and_its_modules()
    {
        var files = BicepFiles();

        Assert.Contains("main.bicep", files);
        Assert.Contains(files, f => f.StartsWith("app" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("core" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    [Fact]
    public void A_warning_or_a_linter_finding_fails_the_checks()
    {
        // The checks above pass only on silence; show that a compiler warning and a linter rule in a
        // nested folder are heard the same way.
        var dir = Directory.CreateTempSubdirectory("infra-tests-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "core"));
            File.WriteAllText(Path.Combine(dir.FullName, "core", "flawed.bicep"), """
                param unused string
                resource account 'Microsoft.Storage/storageAccounts@2025-01-01' = {
                  name: 'stflawed'
                  location: resourceGroup().location
                  kind: 'StorageV2'
                  sku: { name: 'Standard_LRS' }
                  properties: { allowSharedKeyAcess: false }
                }
                output id string = account.id
                """);

            var build = BicepCli.RunIn(dir.FullName, "build", "--pattern", AllBicepFiles, "--outdir", Path.Combine(dir.FullName, "out"));
            var lint = BicepCli.RunIn(dir.FullName, "lint", "--pattern", AllBicepFiles);

            Assert.NotNull(build.Problem);
            Assert.Contains(build.Diagnostics, d => d.Contains("BCP089", StringComparison.Ordinal));
            Assert.NotNull(lint.Problem);
            Assert.Contains(lint.Diagnostics, d => d.Contains("no-unused-params", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_linter_configuration_turns_no_rule_off()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Infra, "bicepconfig.json")))!;
        var core = config["analyzers"]?["core"];

        Assert.NotEqual(false, (bool?)core?["enabled"]);
        var rules = core?["rules"]?.AsObject() ?? [];
        Assert.NotEmpty(rules);
        Assert.All(rules, rule => Assert.Equal("error", (string?)rule.Value?["level"]));
    }
}
