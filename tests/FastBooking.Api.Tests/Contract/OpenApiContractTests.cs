using System.Diagnostics;
using System.Text.Json.Nodes;
using FastBooking.Api.Tests.Support;

namespace FastBooking.Api.Tests.Contract;

/// <summary>
/// The published OpenAPI document against the engine: every answer the HTTP tests saw is documented for its
/// operation, every documented success was seen, and a real OpenAPI linter finds no error in it.
/// </summary>
[Collection(ContractCollection.Name)]
public sealed class OpenApiContractTests(ApiFactory api)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private async Task<JsonNode> DocumentAsync()
    {
        using var http = api.CreateClient();
        return JsonNode.Parse(await http.GetStringAsync("/swagger/v1/swagger.json"))!;
    }

    private static Dictionary<(string Method, string Path), HashSet<int>> Documented(JsonNode document) =>
        document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Where(op => Methods.Contains(op.Key))
                .Select(op => (Key: (op.Key.ToUpperInvariant(), path.Key),
                    Statuses: op.Value!["responses"]!.AsObject().Select(r => int.Parse(r.Key)).ToHashSet())))
            .ToDictionary(o => o.Key, o => o.Statuses);

    [Fact]
    public async Task Every_status_the_http_tests_observed_is_documented_for_its_operation_and_every_documented_success_was_observed()
    {
        var documented = Documented(await DocumentAsync());
        var observed = ObservedAnswers.All.Where(o => documented.ContainsKey((o.Method, o.Route))).ToList();
        var operationsSeen = observed.Select(o => (o.Method, o.Route)).Distinct().Count();
        // Alone (a filtered run) there is too little to judge: the check needs the HTTP tests before it.
        Assert.True(operationsSeen >= documented.Count * 3 / 4,
            $"only {operationsSeen} of {documented.Count} operations were exercised: run the whole API suite before this check");

        var undocumented = observed.Where(o => !documented[(o.Method, o.Route)].Contains(o.Status))
            .Select(o => $"{o.Method} {o.Route} answered {o.Status}").Order().ToList();
        var unseenSuccesses = documented
            .SelectMany(d => d.Value.Where(s => s < 400).Select(s => (d.Key.Method, d.Key.Path, Status: s)))
            .Where(d => !observed.Contains((d.Method, d.Path, d.Status)))
            .Select(d => $"{d.Method} {d.Path} documents {d.Status}, never answered").Order().ToList();

        Assert.True(undocumented.Count == 0, "answers the document does not describe:\n" + string.Join("\n", undocumented));
        Assert.True(unseenSuccesses.Count == 0, "documented successes no test saw:\n" + string.Join("\n", unseenSuccesses));
    }

    [Fact]
    public async Task Every_problem_answer_is_documented_as_problem_json_with_the_catalogue_of_codes()
    {
        var document = await DocumentAsync();
        var codes = document["components"]!["schemas"]!["Problem"]!["properties"]!["code"]!["enum"]!.AsArray()
            .Select(c => c!.GetValue<string>()).ToHashSet();

        var problems = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Where(op => Methods.Contains(op.Key)))
            .SelectMany(op => op.Value!["responses"]!.AsObject().Where(r => int.Parse(r.Key) >= 400)).ToList();

        Assert.Equal(FastBooking.Application.Common.ErrorCode.All.Select(c => c.Value).ToHashSet(), codes);
        Assert.All(problems, r => Assert.Equal("#/components/schemas/Problem",
            r.Value!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_served_document_passes_the_redocly_linter_with_no_errors()
    {
        var cli = Path.Combine(RepositoryRoot(), "tests", "openapi-lint", "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"{cli} is missing: run `npm ci --prefix tests/openapi-lint` (scripts/test.sh does)");
        var file = Path.Combine(Path.GetTempPath(), $"fastbooking-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, (await DocumentAsync()).ToJsonString());
        try
        {
            var lint = new ProcessStartInfo("node", [cli, "lint", file, "--format=summary"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
                WorkingDirectory = Path.Combine(RepositoryRoot(), "tests", "openapi-lint"),
            };
            using var process = Process.Start(lint)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.True(process.ExitCode == 0, $"redocly lint failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FastBooking.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("FastBooking.sln not found above " + AppContext.BaseDirectory);
    }
}
