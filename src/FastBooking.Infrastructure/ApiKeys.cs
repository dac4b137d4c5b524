using System.Security.Cryptography;

namespace FastBooking.Infrastructure;

/// <summary>Business API keys are stored as SHA-256 (a key is high-entropy, so no slow hash is needed).</summary>
public static class ApiKeys
{
    public static byte[] Hash(string key) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key));
}
