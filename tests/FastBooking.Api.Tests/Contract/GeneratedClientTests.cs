using FastBooking.Api.Tests.Support;

namespace FastBooking.Api.Tests.Contract;

/// <summary>The committed generated client is the one NSwag makes from the document the engine serves today.</summary>
[Collection(ApiCollection.Name)]
public sealed class GeneratedClientTests(ApiFactory api)
{
    /// <summary>Set to 1 to write the generated client instead of comparing (scripts/generate-client.sh).</summary>
    private const string UpdateVariable = "FASTBOOKING_UPDATE_CLIENT";

    [Fact]
    public async Task The_committed_client_is_what_nswag_generates_from_the_served_document()
    {
        using var http = api.CreateClient();
        var generated = await GeneratedClient.GenerateAsync(await http.GetStringAsync("/swagger/v1/swagger.json"));
        var path = Path.Combine(SourceDirectory(), "Generated", GeneratedClient.FileName);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1") await File.WriteAllTextAsync(path, generated);

        Assert.True(File.Exists(path) && (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") == generated,
            $"{path} is not what NSwag generates from the served document: run `bash scripts/generate-client.sh` and commit it");
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.GetDirectoryName(file)!;
}
