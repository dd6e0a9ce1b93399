"""Contacts in the database: organizations and people, search, duplicates, merge, positions, queries.

One module per part, by what a reader looks for: ``records`` (field lists, the Change a write returns,
the search index and keys, tags and lookup lists), ``organizations``, ``people`` (with positions),
``merging`` (duplicates and merge) and ``queries`` (filters, Persian order, keyset pages, counts,
search). Everything is imported from here, as before the split.
"""

from __future__ import annotations

from prdesk.core.contacts import ContactFilter  # noqa: F401 (part of this module's interface)
from prdesk.store.contacts.records import (  # noqa: F401
    ORG_DB_FIELDS,
    PERSON_DB_FIELDS,
    Change,
    has_contacts,
    deferred_search_index,
    check_search_index,
    organization_keys,
    person_keys,
    list_tags,
    lookup_values,
    add_lookup_value,
    rename_lookup_value,
    remove_lookup_value,
    list_cities,
    # used by contacts_io and the demo:
    _ensure_lookup,
    _key,
    _now,
    _tag_id,
)
from prdesk.store.contacts.organizations import (  # noqa: F401
    get_organization,
    organization_row,
    add_organization,
    update_organization,
    organization_delete_impact,
    delete_organization,
)
from prdesk.store.contacts.people import (  # noqa: F401
    get_person,
    person_row,
    add_person,
    update_person,
    delete_person,
    change_position,
    position_history,
    position_holder,
)
from prdesk.store.contacts.merging import (  # noqa: F401
    find_duplicates,
    merge_organizations,
    merge_people,
)
from prdesk.store.contacts.queries import (  # noqa: F401
    query_tokens,
    fa_order,
    PEOPLE_ORDERS,
    ORGANIZATION_ORDERS,
    people_query,
    iter_people,
    query_people,
    people_in_order,
    count_people,
    organizations_query,
    iter_organizations,
    query_organizations,
    organizations_in_order,
    count_organizations,
    search_contacts,
)

__all__ = [
    "Change", "ContactFilter", "add_organization", "update_organization", "delete_organization",
    "organization_delete_impact", "get_organization", "add_person", "update_person", "delete_person",
    "get_person", "change_position", "position_history", "position_holder", "find_duplicates",
    "merge_organizations", "merge_people", "query_people", "people_in_order", "organizations_in_order", "iter_people", "count_people", "people_query",
    "query_organizations", "iter_organizations", "count_organizations", "organizations_query", "search_contacts",
    "list_tags", "lookup_values", "add_lookup_value", "rename_lookup_value", "remove_lookup_value",
    "list_cities", "has_contacts", "deferred_search_index", "check_search_index",
]
