using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace FastBooking.Api.Tests.Contract;

/// <summary>
/// The C# client NSwag generates from the served OpenAPI document, as an integrator would make it: one client per
/// area (<c>Appointments_Book</c> → <c>AppointmentsClient.BookAsync</c>), System.Text.Json, problems as
/// <c>FastBookingException&lt;Problem&gt;</c>. The generated file is kept in Contract/Generated and compiled with the tests.
/// </summary>
public static class GeneratedClient
{
    public const string FileName = "FastBookingClient.cs";

    public static async Task<string> GenerateAsync(string documentJson)
    {
        var document = await OpenApiDocument.FromJsonAsync(documentJson);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "{controller}Client",
            OperationNameGenerator = new MultipleClientsFromOperationIdOperationNameGenerator(),
            UseBaseUrl = false,
            InjectHttpClient = true,
            DisposeHttpClient = false,
            ExceptionClass = "FastBookingException",
            GenerateOptionalParameters = true,
            CSharpGeneratorSettings =
            {
                Namespace = "FastBooking.Api.Tests.Contract.Generated",
                JsonLibrary = NJsonSchema.CodeGeneration.CSharp.CSharpJsonLibrary.SystemTextJson,
                GenerateNullableReferenceTypes = true,
            },
        };
        // Line endings fixed, so the file compares equal wherever it is generated.
        return new CSharpClientGenerator(document, settings).GenerateFile().ReplaceLineEndings("\n");
    }
}
