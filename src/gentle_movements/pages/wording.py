"""Words the pages use for the content's fixed values, and the site's standing notes."""

from __future__ import annotations

KIND_LABELS = {"stretch": "Stretch", "mobility": "Mobility", "strengthening": "Strengthening"}


DIRECTION_LABELS = {
    "bending-forward": "bending forward",
    "arching-back": "arching back",
    "turning": "turning",
    "hip-rotation": "turning at the hip",
    "neutral": "back kept still (neutral)",
}


POSITION_LABELS = {
    "lying-on-back": "lying on your back",
    "lying-on-front": "lying on your front",
    "hands-and-knees": "on your hands and knees",
    "kneeling": "kneeling",
    "sitting-on-floor": "sitting on the floor",
    "sitting-on-chair": "sitting on a chair",
    "standing": "standing",
}


PLACE_LABELS = {
    "floor": "on the floor",
    "chair": "on a chair",
    "bed": "on a bed",
    "standing": "standing",
    "wall": "against a wall",
}


NOT_MEDICAL_ADVICE = (
    "This is general information, not a diagnosis or a replacement for a health "
    "professional. If you are unsure whether an exercise is right for you, ask your "
    "doctor (GP), physiotherapist, or midwife if you are pregnant."
)


NOT_CLINICALLY_REVIEWED = "Not yet reviewed by a clinician."
