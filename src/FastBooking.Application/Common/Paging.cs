using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace FastBooking.Application.Common;

/// <summary>
/// A position in a list ordered by (key, id) — a start instant, a creation instant, or nothing but the id — given to
/// clients as an opaque token: the list goes on after it, whatever was added or removed meanwhile.
/// </summary>
public readonly record struct PageCursor(long Key, Guid Id)
{
    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[24];
        BinaryPrimitives.WriteInt64BigEndian(bytes, Key);
        Id.TryWriteBytes(bytes[8..], bigEndian: true, out _);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool TryDecode([NotNullWhen(true)] string? text, out PageCursor cursor)
    {
        cursor = default;
        if (text is not { Length: 32 } || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))) return false;
        var bytes = Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/'));
        var key = BinaryPrimitives.ReadInt64BigEndian(bytes);
        // Keys are 0 (lists by id) or instants in ticks within the accepted years: anything else was not made here.
        if (key != 0 && (key < MinKey || key >= MaxKey)) return false;
        cursor = new PageCursor(key, new Guid(bytes.AsSpan(8), bigEndian: true));
        return true;
    }

    private static readonly long MinKey = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 10_000;
    private static readonly long MaxKey = new DateTimeOffset(2200, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 10_000;
}

/// <summary>At most <see cref="Limit"/> items after <see cref="After"/> (from the start without one).</summary>
public sealed record PageRequest(int Limit, PageCursor? After)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public static readonly PageRequest First = new(DefaultLimit, null);
}

/// <summary>One page of a list; <see cref="Next"/> continues it, null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, PageCursor? Next)
{
    /// <summary>A page from a read of up to limit + 1 items: the extra one only tells that more follow.</summary>
    public static Page<T> Of(IReadOnlyList<T> read, PageRequest page, Func<T, PageCursor> cursorOf) =>
        read.Count > page.Limit
            ? new Page<T>(read.Take(page.Limit).ToList(), cursorOf(read[page.Limit - 1]))
            : new Page<T>(read, null);

    public Page<TOut> Select<TOut>(Func<T, TOut> map) => new(Items.Select(map).ToList(), Next);
}
