using System.Security.Cryptography;
using System.Text;

namespace FastBooking.Application.ApiKeys;

/// <summary>
/// A business API key: random, shown once, stored as SHA-256 (a key is high-entropy, so no slow hash is needed) with a
/// short prefix that lets people tell their keys apart.
/// </summary>
public sealed record ApiKeySecret(string Key)
{
    public const int PrefixLength = 8;
    public const int MaxLength = 200;

    public static ApiKeySecret New() => new("fbk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)));

    public byte[] Hash => SHA256.HashData(Encoding.UTF8.GetBytes(Key));

    public string Prefix => Key.Length <= PrefixLength ? Key : Key[..PrefixLength];
}
