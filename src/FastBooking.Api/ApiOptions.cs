using System.ComponentModel.DataAnnotations;

namespace FastBooking.Api;

/// <summary>Configuration section <c>FastBooking</c>: the engine host's own settings (its subsections configure the layers).</summary>
public sealed class ApiOptions
{
    public const string Section = "FastBooking";

    /// <summary>The platform admin key, required to create businesses (header X-Admin-Key).</summary>
    [Required(AllowEmptyStrings = false)]
    public string AdminKey { get; set; } = "";

    /// <summary>Apply pending migrations at start.</summary>
    public bool Migrate { get; set; } = true;

    /// <summary>Seed the demo salon at start.</summary>
    public bool SeedDemo { get; set; }

    /// <summary>The demo salon's API key.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DemoApiKey { get; set; } = "demo-salon-key";

    /// <summary>Largest request body accepted; larger ones answer 413.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;
}
