"""A plain-text account of how notes were split and routed, compared with
the hand-written expected.txt of each fixture folder."""

from __future__ import annotations


def describe(files, split, routing) -> str:
    out = [f"file {f.path} {f.fmt.value}" for f in files]

    def lines(nodes) -> str:
        numbers = sorted({line.number for top in nodes for line in top.all_lines()})
        return " ".join(str(n) for n in numbers)

    if split.general:
        out.append("general: " + lines([n for s in split.general for n in s.nodes]).strip())
    for key, group in split.groups.items():
        intro = [n for s in group.intro for n in s.nodes]
        out.append(f'group {key} "{group.title}" services {" ".join(group.services)}: {lines(intro)}'.rstrip())
    for service_id, sections in split.sections.items():
        for section in sections:
            head = f'"{section.head.text}"' if section.head else "-"
            group = f" group {section.group}" if section.group else ""
            out.append(f"section {service_id} {head}{group}: {lines(section.nodes)}".rstrip())
    for marker in split.exam_markers:
        out.append(f"exam marker: {marker.first_line.number}")
    for item, route in zip(routing.items, routing.routes, strict=True):
        out.append(f"exam {item.first_line} -> {' '.join(route) or '-'}")
    for note in routing.notes:
        first = note.nodes[0].first_line.number
        if first != routing.items[note.item_index].first_line:
            out.append(f"split {first} -> {' '.join(note.services)}")
    return "\n".join(out) + "\n"
