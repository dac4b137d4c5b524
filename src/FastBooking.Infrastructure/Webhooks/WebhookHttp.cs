using System.Net;
using System.Net.Sockets;

namespace FastBooking.Infrastructure.Webhooks;

/// <summary>
/// The HTTP client that delivers webhooks. A webhook URL is whatever an API key holder typed, so delivery must not be a
/// way into the engine's own network: unless <see cref="WebhookOptions.AllowPrivateNetworks"/>, a connection is only
/// made to public addresses — checked on the addresses actually connected to, after DNS, so a name that resolves (or
/// is re-pointed) to 127.0.0.1 or 10.x is refused too. No redirects (a public endpoint could point elsewhere), no cookies.
/// </summary>
public static class WebhookHttp
{
    public static HttpClient Create(WebhookOptions options) => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectCallback = options.AllowPrivateNetworks ? null : ConnectToPublicAsync,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan, // each attempt has its own
    };

    private static async ValueTask<Stream> ConnectToPublicAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(IsPublic).ToArray();
        if (allowed.Length == 0) throw new PrivateAddressException(host);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Whether an address is on the public internet: not loopback, private (RFC 1918, ULA), shared (CGNAT), link-local,
    /// multicast, unspecified or reserved.
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] switch
            {
                0 or 10 or 127 or >= 224 => false,                 // "this network", private, loopback, multicast and reserved
                100 => b[1] is < 64 or > 127,                      // 100.64.0.0/10: carrier-grade NAT
                169 => b[1] != 254,                                // link-local (cloud metadata lives here)
                172 => b[1] is < 16 or > 31,                       // 172.16.0.0/12
                192 => !(b[1] == 168 || (b[1] == 0 && b[2] == 0)), // 192.168.0.0/16, 192.0.0.0/24
                198 => b[1] is not (18 or 19),                     // 198.18.0.0/15: benchmarking
                _ => true,
            };
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return false;
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
            return false;
        return true;
    }
}

/// <summary>A webhook host that resolves only to addresses delivery may not reach.</summary>
public sealed class PrivateAddressException(string host)
    : Exception($"{host} resolves only to private, loopback or otherwise non-public addresses")
{
}
