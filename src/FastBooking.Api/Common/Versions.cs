using System.Diagnostics.CodeAnalysis;
using FastBooking.Application.Common;
using Microsoft.Net.Http.Headers;

namespace FastBooking.Api.Common;

/// <summary>
/// A resource's version as an HTTP entity tag (<c>"3"</c>): sent as <c>ETag</c>, taken back as <c>If-Match</c> so that a
/// change made against a stale read answers 412 <c>version_mismatch</c> instead of overwriting a newer one.
/// </summary>
public static class Versions
{
    public static string ETag(int version) => $"\"{version}\"";

    /// <summary>The version an If-Match names: none without the header (or with <c>*</c>); an error when malformed.</summary>
    public static bool TryExpected(HttpContext http, out int? expected, [NotNullWhen(false)] out Error? error)
    {
        expected = null;
        error = null;
        var header = http.Request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*") return true;
        if (EntityTagHeaderValue.TryParse(header, out var tag) && !tag.IsWeak
            && int.TryParse(tag.Tag.AsSpan().Trim('"'), System.Globalization.NumberStyles.None, null, out var version))
        {
            expected = version;
            return true;
        }
        error = Error.Validation("If-Match", "must be one entity tag as given in ETag, e.g. \"3\"");
        return false;
    }
}

/// <summary>A resource answered with its version as ETag (the contract documents the header on its answers).</summary>
public interface IEntityTagged
{
    int Version { get; }
}
