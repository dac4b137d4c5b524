namespace FastBooking.Application.Common;

/// <summary>An expected failure: a catalogued code, a detail for people and, for validation, messages per field.</summary>
public sealed record Error(ErrorCode Code, string Detail, IReadOnlyDictionary<string, string[]>? Fields = null)
{
    public static Error NotFound(string detail) => new(ErrorCode.NotFound, detail);

    public static Error Validation(string field, string message) =>
        new(ErrorCode.ValidationFailed, message, new Dictionary<string, string[]> { [field] = [message] });
}
