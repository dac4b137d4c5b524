using System.Security.Cryptography;
using System.Text;

namespace FastBooking.Application.Idempotency;

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

/// <summary>The answer first given to a request with an Idempotency-Key, replayed byte for byte to its retries.</summary>
public sealed record RecordedAnswer(int Status, string Body);
