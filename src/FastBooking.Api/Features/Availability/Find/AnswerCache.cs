using FastBooking.Application.Availability;
using System.ComponentModel.DataAnnotations;
using System.IO.Compression;
using System.IO.Hashing;
using FastBooking.Application.Availability.Find;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FastBooking.Api.Features.Availability.Find;

/// <summary>Configuration section <c>FastBooking:AvailabilityCache</c>.</summary>
public sealed class AvailabilityCacheOptions
{
    public const string Section = "FastBooking:AvailabilityCache";

    /// <summary>Off: every request scans (the answers are the same, only slower).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Bytes of answers an instance keeps; the least used go first.</summary>
    [Range(1024 * 1024, 16L * 1024 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 256L * 1024 * 1024;
}

/// <summary>One question of availability: an answer is cached per key, under the stamp it was computed from.</summary>
public readonly record struct AnswerKey(Guid Business, Guid Service, Guid? Staff, LocalDate From, LocalDate To, string Zone, AvailabilityView View);

/// <summary>
/// An answer's bytes in chunks below the large-object threshold: a week of "any" is ~180 KB, and one large array per
/// computed answer would cost the collector more than the scan costs.
/// </summary>
public sealed class AnswerBytes
{
    private const int ChunkBytes = 64 * 1024;

    private AnswerBytes(byte[][] chunks, int length) => (Chunks, Length) = (chunks, length);

    public IReadOnlyList<byte[]> Chunks { get; }
    public int Length { get; }

    public static AnswerBytes Of(ReadOnlySpan<byte> bytes)
    {
        var chunks = new byte[(bytes.Length + ChunkBytes - 1) / ChunkBytes][];
        for (var i = 0; i < chunks.Length; i++) chunks[i] = bytes.Slice(i * ChunkBytes, Math.Min(ChunkBytes, bytes.Length - i * ChunkBytes)).ToArray();
        return new AnswerBytes(chunks, bytes.Length);
    }

    public async Task WriteToAsync(Stream stream, CancellationToken ct)
    {
        foreach (var chunk in Chunks) await stream.WriteAsync(chunk, ct);
    }
}

/// <summary>
/// A rendered availability answer: its bytes, a strong ETag over them, and its compressed forms, each made once when
/// first asked for.
/// </summary>
public sealed class RenderedAnswer(AnswerBytes body, ReadPath servedBy, AnswerStamp? stamp, Interval holds)
{
    private AnswerBytes? _brotli, _gzip;

    public AnswerBytes Body => body;
    public ReadPath ServedBy => servedBy;
    public AnswerStamp? Stamp => stamp;

    /// <summary>While the clock is in this interval (from the instant it was computed at) it leaves the answer as it is.</summary>
    public Interval Holds => holds;

    public string ETag { get; } = $"\"{Hash(body):x16}\"";

    public AnswerBytes Encoded(ContentCoding coding) => coding switch
    {
        ContentCoding.Brotli => _brotli ??= Compress(s => new BrotliStream(s, CompressionLevel.Fastest, leaveOpen: true)),
        ContentCoding.Gzip => _gzip ??= Compress(s => new GZipStream(s, CompressionLevel.Fastest, leaveOpen: true)),
        _ => body,
    };

    private AnswerBytes Compress(Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream(body.Length / 8);
        using (var stream = compressor(output))
            foreach (var chunk in body.Chunks) stream.Write(chunk);
        return AnswerBytes.Of(output.GetBuffer().AsSpan(0, (int)output.Length));
    }

    private static ulong Hash(AnswerBytes bytes)
    {
        var hash = new XxHash3();
        foreach (var chunk in bytes.Chunks) hash.Append(chunk);
        return hash.GetCurrentHashAsUInt64();
    }
}

public enum ContentCoding { Identity, Gzip, Brotli }

/// <summary>
/// Rendered availability answers, per instance: an entry is served only while its stamp is the current one (so a change
/// made on any instance is seen at once: the stamp lives in Redis and moves with the change) and the clock is before
/// the instant its scan named (nor gone back before the instant it was computed at). Bounded in bytes.
/// </summary>
public sealed class AnswerCache(IOptions<AvailabilityCacheOptions> options) : IDisposable
{
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = options.Value.MaxBytes, CompactionPercentage = 0.25 });

    public bool Enabled => options.Value.Enabled;

    public RenderedAnswer? Find(AnswerKey key, AnswerStamp stamp, Instant now) =>
        _entries.TryGetValue(key, out RenderedAnswer? answer) && answer!.Stamp is { } kept && AnswerStamps.Same(kept, stamp) && answer.Holds.Contains(now)
            ? answer
            : null;

    public void Keep(AnswerKey key, RenderedAnswer answer)
    {
        if (answer.Stamp is null) return;
        // Its compressed forms, when made, add about a tenth.
        _entries.Set(key, answer, new MemoryCacheEntryOptions { Size = answer.Body.Length + answer.Body.Length / 8 });
    }

    public void Dispose() => _entries.Dispose();
}
