using System.Security.Cryptography;
using FastBooking.Domain.Holds;

namespace FastBooking.Application.Holds;

/// <summary>Random hold tokens; a booking's own short reservation is told apart from customers' holds by its prefix.</summary>
public static class HoldTokens
{
    public const string ReservationPrefix = "bkg_";

    public static HoldToken NewHold() => new("hld_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));

    /// <summary>The token of an appointment's reservations: derived from its id, so that whoever changes the
    /// appointment later can release a reservation still standing in for it, and its own reservations never refuse it.</summary>
    public static HoldToken ReservationOf(Guid appointmentId) => new(ReservationPrefix + appointmentId.ToString("N"));
}
