using FastBooking.Domain.Businesses;

namespace FastBooking.Api.Common;

public static class HttpContextExtensions
{
    public const string BusinessClaim = "business_id";

    /// <summary>The business whose API key authenticated this request.</summary>
    public static BusinessId BusinessId(this HttpContext http) =>
        new(Guid.Parse(http.User.FindFirst(BusinessClaim)?.Value ?? throw new InvalidOperationException("Request is not authenticated.")));
}
