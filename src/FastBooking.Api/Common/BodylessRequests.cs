namespace FastBooking.Api.Common;

public static class BodylessRequests
{
    /// <summary>
    /// Some clients send <c>Content-Type: application/json</c> on every request; on a GET or DELETE without a body that
    /// would make the framework try to read a JSON body that is not there. Such a header says nothing: drop it.
    /// </summary>
    public static Task IgnoreContentType(HttpContext http, RequestDelegate next)
    {
        var request = http.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsDelete(request.Method) || HttpMethods.IsHead(request.Method))
            && request.ContentLength is null or 0 && !request.Headers.TransferEncoding.Any())
            request.ContentType = null;
        return next(http);
    }
}
