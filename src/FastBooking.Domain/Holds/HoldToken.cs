namespace FastBooking.Domain.Holds;

/// <summary>
/// An opaque hold token: 1 to <see cref="MaxLength"/> printable ASCII characters, no spaces. Tokens name Redis keys and
/// members, so nothing else is let in.
/// </summary>
public readonly record struct HoldToken
{
    public const int MaxLength = 100;

    public HoldToken(string value)
    {
        if (!IsWellFormed(value)) throw new ArgumentException("A hold token is 1 to 100 printable ASCII characters.", nameof(value));
        Value = value;
    }

    public string Value { get; }

    public static bool TryParse(string? text, out HoldToken token)
    {
        token = default;
        if (!IsWellFormed(text)) return false;
        token = new HoldToken(text!);
        return true;
    }

    private static bool IsWellFormed(string? text) =>
        text is { Length: > 0 and <= MaxLength } && text.All(c => c is > ' ' and < '\u007f');

    public override string ToString() => Value;
}
