using System.Security.Cryptography;

namespace FastBooking.Infrastructure;

/// <summary>Business API keys: random, shown once, stored as SHA-256 (a key is high-entropy, so no slow hash is needed).</summary>
public static class ApiKeys
{
    public static string NewKey() => "fbk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public static byte[] Hash(string key) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key));
}
