using System.Security.Cryptography;
using System.Text;

namespace FastBooking.Infrastructure.Webhooks;

/// <summary>
/// The <c>FastBooking-Signature</c> header: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body" with the endpoint's
/// secret&gt;</c>, the scheme integrators know from Stripe. Receivers recompute it and refuse a <c>t</c> older than their
/// replay window (five minutes is the documented advice).
/// </summary>
public static class WebhookSignature
{
    public static string Sign(string secret, long unixSeconds, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{unixSeconds}.{body}"));
        return $"t={unixSeconds},v1={Convert.ToHexStringLower(mac)}";
    }
}
