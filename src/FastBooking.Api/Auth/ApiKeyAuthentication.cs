using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using FastBooking.Api.Common;
using FastBooking.Application.Common;
using FastBooking.Infrastructure;
using FastBooking.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FastBooking.Api.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;business api key&gt;</c>. The key's hash finds the business; keys never change owner,
/// so a found key is remembered for the life of the process.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, FastBookingDb db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private static readonly ConcurrentDictionary<string, Guid> Known = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var key = header["Bearer ".Length..].Trim();
        if (key.Length is 0 or > 200) return AuthenticateResult.Fail("Malformed API key.");
        var hash = Convert.ToHexString(ApiKeys.Hash(key));
        if (!Known.TryGetValue(hash, out var businessId))
        {
            var bytes = Convert.FromHexString(hash);
            var row = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyHash == bytes, Context.RequestAborted);
            if (row is null) return AuthenticateResult.Fail("Unknown API key.");
            Known[hash] = businessId = row.BusinessId;
        }
        var identity = new ClaimsIdentity([new Claim(HttpContextExtensions.BusinessClaim, businessId.ToString())], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        new Problem(ErrorCode.Unauthorized, "Send the business API key as 'Authorization: Bearer <key>'.").ExecuteAsync(Context);
}
