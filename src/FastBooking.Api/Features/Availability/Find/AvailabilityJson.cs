using System.Text.Encodings.Web;
using System.Text.Json;
using CommunityToolkit.HighPerformance.Buffers;
using FastBooking.Application.Availability.Find;
using FastBooking.Domain.Availability;
using FastBooking.Domain.Staff;
using NodaTime;
using NodaTime.TimeZones;

namespace FastBooking.Api.Features.Availability.Find;

/// <summary>The two forms of an availability answer (docs/api.md → Availability).</summary>
public enum AvailabilityView { Full, Times }

/// <summary>
/// Writes an availability answer straight from the scan, with no object per slot: the full view (every slot with its
/// staff, the bytes the serializer would write for <see cref="Response"/>) or the times view (start times per local date).
/// </summary>
public static class AvailabilityJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>The answer's bytes, and until when (exclusive) the same state gives them.</summary>
    public static (AnswerBytes Body, Instant Until) Write(AvailableSlots answer, AvailabilityView view, DateTimeZone zone, string from, string to)
    {
        // Pooled and large enough for a week of "any" in one go: growing would copy the answer.
        using var buffer = new ArrayPoolBufferWriter<byte>(view == AvailabilityView.Times ? 16 * 1024 : 256 * 1024);
        Instant until;
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("businessTimeZone"u8, answer.Business.Zone.Id);
            json.WriteString("serviceId"u8, answer.Service.Id.Value);
            json.WriteString("from"u8, from);
            json.WriteString("to"u8, to);
            if (view == AvailabilityView.Times)
            {
                json.WriteString("view"u8, "times"u8);
                var times = new TimesWriter(json, new LocalText(zone));
                json.WriteStartArray("days"u8);
                until = answer.Openings.ScanInto(times);
                times.End();
            }
            else
            {
                json.WriteStartArray("slots"u8);
                until = answer.Openings.ScanInto(new SlotsWriter(json, new LocalText(zone)));
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return (AnswerBytes.Of(buffer.WrittenSpan), until);
    }

    private sealed class SlotsWriter(Utf8JsonWriter json, LocalText text) : ISlotSink
    {
        private readonly Dictionary<StaffId, byte[]> _ids = [];

        public void Add(Instant start, Instant end, ReadOnlySpan<StaffId> staff)
        {
            Span<byte> chars = stackalloc byte[LocalText.InstantLength];
            json.WriteStartObject();
            json.WriteString("start"u8, text.Instant(start, chars));
            json.WriteString("end"u8, text.Instant(end, chars));
            json.WriteStartArray("staffIds"u8);
            foreach (var id in staff) json.WriteRawValue(Quoted(id), skipInputValidation: true);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        /// <summary>Each staff id is formatted once per answer.</summary>
        private byte[] Quoted(StaffId id)
        {
            if (!_ids.TryGetValue(id, out var quoted)) _ids[id] = quoted = System.Text.Encoding.UTF8.GetBytes($"\"{id.Value:D}\"");
            return quoted;
        }
    }

    /// <summary>Groups starts into days: a run of starts with one local date and one offset (a DST date gives two).</summary>
    private sealed class TimesWriter(Utf8JsonWriter json, LocalText text) : ISlotSink
    {
        private LocalDate _date;
        private Offset _offset;
        private bool _open;
        private Instant _last = Instant.MinValue;

        public void Add(Instant start, Instant end, ReadOnlySpan<StaffId> staff)
        {
            // Slots come in start order; staff with their own durations share a start: one time.
            if (start == _last) return;
            _last = start;
            var (date, offset) = text.DateAndOffset(start);
            if (!_open || date != _date || offset != _offset)
            {
                End();
                Span<byte> day = stackalloc byte[10];
                json.WriteStartObject();
                json.WriteString("date"u8, LocalText.Date(date, day));
                json.WriteString("offset"u8, text.OffsetText(offset));
                json.WriteStartArray("times"u8);
                (_date, _offset, _open) = (date, offset, true);
            }
            Span<byte> time = stackalloc byte[5];
            json.WriteStringValue(text.Time(start, time));
        }

        public void End()
        {
            if (!_open) return;
            json.WriteEndArray();
            json.WriteEndObject();
            _open = false;
        }
    }

    /// <summary>
    /// Instants as the API writes them (uuuu-MM-ddTHH:mm:ss+HH:mm) in one zone, without a pattern per call: the zone is
    /// asked again only when an instant leaves the last zone interval, and each offset's text is made once.
    /// </summary>
    private sealed class LocalText(DateTimeZone zone)
    {
        public const int InstantLength = 25;
        private readonly Dictionary<Offset, byte[]> _offsets = [];
        private ZoneInterval? _interval;

        public ReadOnlySpan<byte> Instant(Instant instant, Span<byte> into)
        {
            var local = Local(instant, out var offset);
            Date(local.Date, into);
            into[10] = (byte)'T';
            Two(into[11..], local.Hour);
            into[13] = (byte)':';
            Two(into[14..], local.Minute);
            into[16] = (byte)':';
            Two(into[17..], local.Second);
            OffsetText(offset).CopyTo(into[19..]);
            return into[..InstantLength];
        }

        public (LocalDate, Offset) DateAndOffset(Instant instant) => (Local(instant, out var offset).Date, offset);

        public ReadOnlySpan<byte> Time(Instant instant, Span<byte> into)
        {
            var local = Local(instant, out _);
            Two(into, local.Hour);
            into[2] = (byte)':';
            Two(into[3..], local.Minute);
            return into[..5];
        }

        public static ReadOnlySpan<byte> Date(LocalDate date, Span<byte> into)
        {
            var y = date.Year;
            Two(into, y / 100);
            Two(into[2..], y % 100);
            into[4] = (byte)'-';
            Two(into[5..], date.Month);
            into[7] = (byte)'-';
            Two(into[8..], date.Day);
            return into[..10];
        }

        public byte[] OffsetText(Offset offset)
        {
            if (_offsets.TryGetValue(offset, out var text)) return text;
            var seconds = Math.Abs(offset.Seconds);
            text = System.Text.Encoding.ASCII.GetBytes($"{(offset.Seconds < 0 ? '-' : '+')}{seconds / 3600:D2}:{seconds / 60 % 60:D2}");
            return _offsets[offset] = text;
        }

        private LocalDateTime Local(Instant instant, out Offset offset)
        {
            if (_interval is null || !_interval.Contains(instant)) _interval = zone.GetZoneInterval(instant);
            offset = _interval.WallOffset;
            return instant.WithOffset(offset).LocalDateTime;
        }

        private static void Two(Span<byte> into, int value)
        {
            into[0] = (byte)('0' + value / 10);
            into[1] = (byte)('0' + value % 10);
        }
    }
}
