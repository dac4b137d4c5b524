using FastBooking.Application.Idempotency;

namespace FastBooking.Application.Common;

/// <summary>
/// What every use case comes to: a value (<see cref="Success.Created"/> when the use case made a new resource), a
/// refusal with a catalogued <see cref="Error"/>, or the recorded answer of an earlier request with the same
/// Idempotency-Key. Expected failures are values; broken invariants stay exceptions.
/// </summary>
public abstract record Outcome<T>
{
    private Outcome() { }

    public sealed record Success(T Value, bool Created = false) : Outcome<T>;

    public sealed record Refused(Error Error) : Outcome<T>;

    public sealed record Replayed(RecordedAnswer Answer) : Outcome<T>;

    public static Outcome<T> Made(T value) => new Success(value, Created: true);

    public static implicit operator Outcome<T>(T value) => new Success(value);

    public static implicit operator Outcome<T>(Error error) => new Refused(error);

    public bool IsSuccess => this is Success;
}

/// <summary>The value of a use case that answers nothing but "done" (HTTP 204).</summary>
public sealed record Done
{
    public static readonly Done Value = new();

    private Done() { }
}
