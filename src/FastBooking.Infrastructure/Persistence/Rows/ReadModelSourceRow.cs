namespace FastBooking.Infrastructure.Persistence.Rows;

/// <summary>The database's one identity row for the read model (<c>read_model_source</c>): <see cref="One"/> is always true.</summary>
public sealed class ReadModelSourceRow
{
    public bool One { get; set; }
    public Guid Id { get; set; }
}
