using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace FastBooking.Api.Auth;

/// <summary>The platform admin key (<see cref="ApiOptions.AdminKey"/>), compared in constant time.</summary>
public sealed class AdminKey(IOptions<ApiOptions> options)
{
    public const string Header = "X-Admin-Key";

    private readonly byte[] _expected = Encoding.UTF8.GetBytes(options.Value.AdminKey);

    public bool Accepts(HttpContext http) =>
        http.Request.Headers.TryGetValue(Header, out var given)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given.ToString()), _expected);
}
