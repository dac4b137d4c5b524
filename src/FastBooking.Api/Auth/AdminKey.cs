using System.Security.Cryptography;
using System.Text;

namespace FastBooking.Api.Auth;

/// <summary>The platform admin key (configuration <c>FastBooking:AdminKey</c>), compared in constant time.</summary>
public sealed class AdminKey(IConfiguration configuration)
{
    public const string Header = "X-Admin-Key";

    private readonly byte[] _expected = Encoding.UTF8.GetBytes(configuration["FastBooking:AdminKey"]
        ?? throw new InvalidOperationException("FastBooking:AdminKey is not configured."));

    public bool Accepts(HttpContext http) =>
        http.Request.Headers.TryGetValue(Header, out var given)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given.ToString()), _expected);
}
