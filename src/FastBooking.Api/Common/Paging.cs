using FastBooking.Application.Common;
using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Common;

/// <summary>The query of a list: <c>limit</c> (1–500, default 100) items after the <c>next</c> token of the page before.</summary>
public abstract class PagedRequest
{
    public int? Limit { get; set; }
    public string? Next { get; set; }

    public PageRequest Page => new(Limit ?? PageRequest.DefaultLimit, PageCursor.TryDecode(Next, out var after) ? after : null);
}

/// <summary>One page of a list: <c>next</c> asks for the following page, and is null on the last one.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, string? Next)
{
    public static PageResponse<T> From<TItem>(Page<TItem> page, Func<TItem, T> map) =>
        new(page.Items.Select(map).ToList(), page.Next?.Encode());
}

public static class PagingRules
{
    public static void Paging<T>(this AbstractValidator<T> validator) where T : PagedRequest
    {
        validator.RuleFor(r => r.Limit).InclusiveBetween(1, PageRequest.MaxLimit).When(r => r.Limit is not null);
        validator.RuleFor(r => r.Next).Must(n => PageCursor.TryDecode(n, out _)).WithMessage("must be the next token of an earlier page")
            .When(r => r.Next is not null);
    }

    /// <summary>A validator for a request that is nothing but its paging.</summary>
    public sealed class Only<T> : Validator<T> where T : PagedRequest
    {
        public Only() => this.Paging();
    }
}
