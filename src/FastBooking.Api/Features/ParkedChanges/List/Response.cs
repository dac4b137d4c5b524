namespace FastBooking.Api.Features.ParkedChanges.List;

/// <summary>The oldest parked rows and how many are parked in all.</summary>
public sealed record Response(IReadOnlyList<ParkedChangeResponse> Items, int Total)
{
    public static Response Example => new([ParkedChangeResponse.Example], 1);

    public static Response From(Application.ReadModel.Parked.ParkedChanges parked) =>
        new(parked.Rows.Select(ParkedChangeResponse.From).ToList(), parked.Total);
}
