using System.Security.Cryptography;
using FastBooking.Domain.Holds;

namespace FastBooking.Application.Holds;

/// <summary>Random hold tokens; a booking's own short reservation is told apart from customers' holds by its prefix.</summary>
public static class HoldTokens
{
    public const string ReservationPrefix = "bkg_";

    public static HoldToken NewHold() => new("hld_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));

    public static HoldToken NewReservation() => new(ReservationPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
}
