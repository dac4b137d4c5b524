using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace FastBooking.Api;

/// <summary>Configuration section <c>FastBooking</c>: the HTTP host's own settings (its subsections configure the layers;
/// start-up database work is <c>StartupOptions</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "FastBooking";

    /// <summary>The admin key scripts/run.sh and docker-compose.yml use when none is given: for development only.</summary>
    public const string DevelopmentAdminKey = "dev-admin-key";

    /// <summary>The platform admin key, required to create businesses (header X-Admin-Key).</summary>
    [Required(AllowEmptyStrings = false)]
    public string AdminKey { get; set; } = "";

    /// <summary>Largest request body accepted; larger ones answer 413.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;
}

/// <summary>Outside development, the engine refuses to start with the well-known development admin key.</summary>
public sealed class ApiOptionsValidation(IHostEnvironment environment) : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options) =>
        !environment.IsDevelopment() && options.AdminKey == ApiOptions.DevelopmentAdminKey
            ? ValidateOptionsResult.Fail($"FastBooking:AdminKey is the development key '{ApiOptions.DevelopmentAdminKey}' in the " +
                $"{environment.EnvironmentName} environment: set FastBooking__AdminKey to a secret of your own.")
            : ValidateOptionsResult.Success;
}
