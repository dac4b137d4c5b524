using System.Security.Cryptography;
using System.Text;

namespace FastBooking.Infrastructure.Idempotency;

/// <summary>A client's Idempotency-Key with the hash of the request it came with (method, path and canonical body).</summary>
public sealed record IdempotencyKey(string Key, byte[] RequestHash)
{
    public const int MaxLength = 200;

    public static IdempotencyKey For(string key, string method, string path, byte[] canonicalBody)
    {
        var head = Encoding.UTF8.GetBytes($"{method} {path}\n");
        return new IdempotencyKey(key, SHA256.HashData([.. head, .. canonicalBody]));
    }
}
